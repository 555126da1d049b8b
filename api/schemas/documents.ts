/** A stored document's id in a URL (any kind's documents). */
export const documentParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
} as const;
