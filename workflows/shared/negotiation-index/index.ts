/** The negotiation index (issue 22): the shipped tree, its validation, scoring and roll-up. Pure: no I/O. */
import shipped from './tree.json' with { type: 'json' };
import type { IndexTree } from './types';

export * from './types';
export * from './validate';
export * from './score';
export * from './edit';
export * from './tree-walk';
export * from './computed';

/** The tree this release ships (tree.json): version 1 in the database until the city union saves an edit. */
export const SHIPPED_TREE: IndexTree = shipped as IndexTree;
