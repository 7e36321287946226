export * from './roles';
export * from './organizations';
export * from './errors';
export * from './identity';
export * from './proposals';
export * from './editor';
export * from './diff';
