import express from 'express';

/**
 * The yardstick of bench/votes.bench.ts: a bare express 5 app with the same JSON body parser, run
 * in its own process like the real server. Prints its port on stdout.
 */
const app = express();
app.use(express.json({ limit: '100kb' }));
app.put('/api/scrutins/:uid/my-vote', (req, res) => {
  res.json({ ok: true, uid: req.params.uid, choice: (req.body as { choice?: string }).choice ?? null });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
