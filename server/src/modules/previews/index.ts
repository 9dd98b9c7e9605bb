export { createPreviewsService, type PreviewsService, type PageMeta } from './service';
export { withPageMeta } from './meta-html';
