import { Foundation1764000000000 } from './1764000000000-foundation';
import { ReferenceData1764000000001 } from './1764000000001-reference-data';
import { Network1764000000002 } from './1764000000002-network';
import { Metrics1764000000003 } from './1764000000003-metrics';
import { Cascade1764000000004 } from './1764000000004-cascade';
import { EsfExports1764000000005 } from './1764000000005-esf-exports';
import { EsfEntriesAndImports1764000000006 } from './1764000000006-esf-entries-and-imports';
import { Privacy1764000000007 } from './1764000000007-privacy';
import { FileRetention1764000000008 } from './1764000000008-file-retention';

export { CURRENT_TENANT, isolateAggregate, isolateByTenant } from './tenant-isolation';

/** Every migration, in order. The schema comes only from here, never from `synchronize`. */
export const MIGRATIONS = [Foundation1764000000000, ReferenceData1764000000001, Network1764000000002, Metrics1764000000003, Cascade1764000000004, EsfExports1764000000005, EsfEntriesAndImports1764000000006, Privacy1764000000007, FileRetention1764000000008];
