import { RepresentativityPanel } from './representativity-panel';

/** /representativite: who votes on the platform as a whole. */
export function PlatformRepresentativityPage() {
  return (
    <article className="page">
      <RepresentativityPanel uid={null} />
    </article>
  );
}
