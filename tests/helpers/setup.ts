// Loaded before every test file (vitest.config.ts setupFiles).
import { afterEach } from 'vitest';
import { endAll } from './children.js';

afterEach(endAll);
