/** Where the child script of the contract's kill test is. */
import { join } from 'node:path';

export const STORE_WRITER = join(import.meta.dirname, 'fixtures', 'storeWriter.ts');
