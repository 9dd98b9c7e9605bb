/**
 * Chart components shared by the web client and the scenario runner. Importable in Node: nothing
 * here touches window or document at import time (the charts are plain SVG React).
 */
export * from './theme';
export * from './scale';
export * from './frame';
export * from './k-curve';
export * from './phase';
export * from './leverage';
export * from './results-table';
export * from './export';
export * from './hemicycle';
export * from './hemicycle-layout';
export * from './hemicycle-groups';
export * from './room-hemicycles';
export * from './election-round';
export * from './words';
export * from './poster';
