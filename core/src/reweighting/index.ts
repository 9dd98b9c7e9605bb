export * from './margins';
export * from './raking';
export * from './estimate';
export * from './distortion';
export * from './suppression';
export * from './reweight';
export { mulberry32 } from './prng';
