export * from './extensions';
export * from './document';
export * from './comment-anchors';
export * from './formal-document';
