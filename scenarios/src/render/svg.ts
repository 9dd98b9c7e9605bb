import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { svgDocument } from '@parallele/charts';

/** A chart component rendered to a standalone SVG document, exactly as the web client draws it. */
export function renderSvg(element: ReactElement): string {
  return svgDocument(renderToStaticMarkup(element));
}
