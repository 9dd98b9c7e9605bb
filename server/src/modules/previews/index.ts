export { createPreviewsService, type PreviewsService, type PageMeta } from './service';
export { previewsRoutes, pageMetaOf } from './routes';
export { withPageMeta } from './meta-html';
