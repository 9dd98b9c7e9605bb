/**
 * French typography: a no-break space before « : » and a narrow one before ; ! ? and inside
 * guillemets, so punctuation never starts a line. Applied once to the French resources, so
 * translators write plain spaces.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/ :(\s|$)/g, '\u00a0:$1')
    .replace(/« /g, '«\u202f')
    .replace(/ »/g, '\u202f»');
}

type Tree = { [key: string]: string | Tree };

export function frenchTree<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) out[k] = typeof v === 'string' ? frenchSpacing(v) : frenchTree(v);
  return out as T;
}
