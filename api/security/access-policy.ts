/** The access policy is pure data shared with the pages' menus: it lives with the registry that adds kinds' permissions. */
export * from '../../workflows/kinds/access-policy';
