import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS, TallySchema, MyVoteSchema, type ClientToServerEvents, type ServerToClientEvents, type MyVote, type Tally } from '@parallele/core';

/**
 * The app's ONE socket. Components never emit: they call `watchTally` and get a function to stop
 * watching. Rooms are reference-counted so two components on one scrutin share a subscription,
 * and they are joined again after a reconnect. Payloads are checked with the contracts' schemas.
 */
type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type TallyListener = (t: Tally) => void;
/** why the live tally is not coming: the subscription was refused, or the socket cannot connect */
type TallyErrorListener = (message: string) => void;
type MyVoteListener = (v: MyVote) => void;

let socket: TypedSocket | null = null;
const watchers = new Map<string, Set<TallyListener>>();
const errorWatchers = new Map<string, Set<TallyErrorListener>>();
const tellError = (uid: string, message: string) => {
  for (const l of errorWatchers.get(uid) ?? []) l(message);
};
const myVoteListeners = new Set<MyVoteListener>();

function connect(): TypedSocket {
  if (socket) return socket;
  const s: TypedSocket = io({ path: '/socket.io', withCredentials: true, autoConnect: true, transports: ['websocket', 'polling'] });
  s.on(SOCKET_EVENTS.tallyUpdate, (payload) => {
    const parsed = TallySchema.safeParse(payload);
    if (!parsed.success) return;
    for (const l of watchers.get(parsed.data.scrutinUid) ?? []) l(parsed.data);
  });
  s.on(SOCKET_EVENTS.myVote, (payload) => {
    const parsed = MyVoteSchema.safeParse(payload);
    if (parsed.success) for (const l of myVoteListeners) l(parsed.data);
  });
  s.on('connect_error', () => {
    for (const uid of watchers.keys()) tellError(uid, 'The live tally cannot be reached');
  });
  s.on('connect', () => {
    for (const uid of watchers.keys()) subscribe(s, uid);
  });
  socket = s;
  return s;
}

function subscribe(s: TypedSocket, uid: string) {
  s.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid: uid }, (answer) => {
    if (!answer.ok) return tellError(uid, answer.error);
    const parsed = TallySchema.safeParse(answer.data);
    if (parsed.success) for (const l of watchers.get(uid) ?? []) l(parsed.data);
    else tellError(uid, 'The live tally broke its contract');
  });
}

/**
 * Live tally of a scrutin, the client's one way to get it: `listener` gets the current tally in the
 * subscription's acknowledgement, then every update pushed; `onError` hears why it is not coming.
 */
export function watchTally(uid: string, listener: TallyListener, onError?: TallyErrorListener): () => void {
  const s = connect();
  let set = watchers.get(uid);
  if (!set) {
    set = new Set();
    watchers.set(uid, set);
    if (s.connected) subscribe(s, uid);
  }
  set.add(listener);
  if (onError) errorWatchers.set(uid, (errorWatchers.get(uid) ?? new Set()).add(onError));
  return () => {
    const current = watchers.get(uid);
    if (!current) return;
    current.delete(listener);
    if (onError) errorWatchers.get(uid)?.delete(onError);
    if (current.size === 0) {
      watchers.delete(uid);
      errorWatchers.delete(uid);
      if (s.connected) s.emit(SOCKET_EVENTS.tallyUnsubscribe, { scrutinUid: uid });
    }
  };
}

/** Asks again for a watched scrutin's tally (after an error); the socket reconnects by itself. */
export function resubscribeTally(uid: string): void {
  const s = connect();
  if (s.connected && watchers.has(uid)) subscribe(s, uid);
  else if (!s.connected) s.connect();
}

/** This citizen's own votes, cast from this tab or another one. */
export function onMyVote(listener: MyVoteListener): () => void {
  connect();
  myVoteListeners.add(listener);
  return () => myVoteListeners.delete(listener);
}

/** After login or logout the session cookie changed: reconnect so the socket carries it. */
export function reconnectSocket(): void {
  if (!socket) return;
  socket.disconnect();
  socket.connect();
}
