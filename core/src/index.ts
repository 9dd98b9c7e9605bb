export * from './an/ids';
export * from './an/model';
