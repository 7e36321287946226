export * from './extensions';
export * from './document';
