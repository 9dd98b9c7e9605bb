import type { ReactNode } from 'react';
import guide from '../../../../../docs/guide-animateur.md?raw';

/**
 * The facilitator's guide (docs/guide-animateur.md, bundled as text). Its Markdown uses headings,
 * lists and paragraphs only, rendered here as React text (never as HTML).
 */
export function GuidePage() {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(<ul key={blocks.length}>{list.map((l, i) => <li key={i}>{l}</li>)}</ul>);
    list = [];
  };
  for (const raw of guide.split('\n')) {
    const line = raw.replace(/\*\*/g, '').replace(/`/g, '');
    const h = /^(#{1,3}) (.*)$/.exec(line);
    if (h) {
      flush();
      const level = h[1]!.length;
      blocks.push(level === 1 ? <h1 key={blocks.length}>{h[2]}</h1> : level === 2 ? <h2 key={blocks.length}>{h[2]}</h2> : <h3 key={blocks.length}>{h[2]}</h3>);
    } else if (/^\s*[-*] /.test(line)) list.push(line.replace(/^\s*[-*] /, ''));
    else if (line.trim() === '') flush();
    else {
      flush();
      blocks.push(<p key={blocks.length}>{line}</p>);
    }
  }
  flush();
  return <article className="page room-guide">{blocks}</article>;
}
