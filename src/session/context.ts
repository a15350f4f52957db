import { createContext } from '@lit/context';
import type { MapSession } from './map-session.js';

/** The map session, for the elements inside a map view (`@consume({ context: sessionContext, subscribe: true })`). */
export const sessionContext = createContext<MapSession | undefined>(Symbol('cartable-map-session'));
