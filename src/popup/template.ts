/** The document's logic-less templates belong to the format: they live in context/template.ts. */
export * from '../context/template.js';
