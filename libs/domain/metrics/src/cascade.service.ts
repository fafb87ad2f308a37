import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { CascadeNode, CascadeNodeKind } from './cascade.models';
import { Queryable } from './metrics.service';

interface NodeRow {
  code: string;
  node_key: string;
  parent_key: string;
  kind: 'TRAINER' | 'KEY_WORKER';
  certified_by_thl: boolean;
  active: boolean;
  broken: boolean;
  key_workers: number;
  active_key_workers: number;
  addressing_participants: number;
}

const NODE_COLUMNS = `c.code, n.node_key, n.parent_key, n.kind, n.certified_by_thl, n.active, n.broken, n.key_workers, n.active_key_workers, n.addressing_participants`;

/**
 * The cascade tree from THL (national roles) or a county (its own roles) down to key workers, built
 * from the aggregate nodes. Ids: `THL`, `county:<code>`, `<code>:<node key>`.
 */
@Injectable()
export class CascadeService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  cascade(rootId: string | null, depth: number): Promise<CascadeNode> {
    const principal = this.principals.current;
    const county = principal.countyCode;
    const root = rootId ?? (county ? `county:${county}` : 'THL');
    const rootCounty = root === 'THL' ? null : root.startsWith('county:') ? root.slice(7) : root.split(':')[0];
    if (county && rootCounty !== county) throw new NotFoundError('Cascade node');
    const load = async (em: EntityManager) => {
      const { rows, counties } = await cascadeRows(em, rootCounty);
      const names = county ? await this.names(em, rows) : new Map<string, string>();
      return buildTree(root, depth, rows, counties, names);
    };
    return county ? this.tx.run(load) : this.tx.runNational(load);
  }

  /** Names of the county's own trainers and key workers, matched by their pseudonymous keys. */
  private async names(em: EntityManager, rows: NodeRow[]): Promise<Map<string, string>> {
    const found: Array<{ id: string; key: string; name: string }> = await em.query(
      `SELECT p.id, md5(p.id::text || ':' || p.tenant_id::text) AS key, p.first_name || ' ' || p.last_name AS name
         FROM people p WHERE md5(p.id::text || ':' || p.tenant_id::text) = ANY($1::text[])`,
      [[...new Set(rows.map((r) => r.node_key))]],
    );
    await audit(em, 'READ_PERSONAL', 'Person', found.map((f) => f.id), ['name']);
    return new Map(found.map((f) => [f.key, f.name]));
  }
}

/**
 * Participants reached in a county: every key worker's own, plus each trainer's own (a trainer's count
 * includes their trainees', and a key worker trained by two co-trainers must be counted once).
 */
function countyReach(trainers: NodeRow[], keyWorkers: NodeRow[], traineesOf: (trainer: NodeRow) => NodeRow[]): number {
  const byKeyWorkers = keyWorkers.reduce((sum, k) => sum + k.addressing_participants, 0);
  const byTrainersThemselves = trainers.reduce(
    (sum, t) => sum + t.addressing_participants - traineesOf(t).reduce((s, r) => s + r.addressing_participants, 0),
    0,
  );
  return byKeyWorkers + byTrainersThemselves;
}

/** The aggregate nodes and counties a cascade is built from (all counties when `code` is null). */
export async function cascadeRows(em: Queryable, code: string | null): Promise<{ rows: NodeRow[]; counties: Array<{ code: string; name: string }> }> {
  const rows: NodeRow[] = await em.query(
    `SELECT ${NODE_COLUMNS} FROM metrics.cascade_nodes n JOIN counties c ON c.id = n.tenant_id WHERE ($1::text IS NULL OR c.code = $1)`,
    [code],
  );
  const counties = await em.query(`SELECT code, name_fi AS name FROM counties WHERE kind = 'COUNTY' AND ($1::text IS NULL OR code = $1) ORDER BY code`, [code]);
  return { rows, counties };
}

/** Builds the requested part of the tree; counts come from all rows, children only `depth` levels down. */
export function buildTree(
  rootId: string,
  depth: number,
  rows: NodeRow[],
  counties: Array<{ code: string; name: string }>,
  names: Map<string, string>,
): CascadeNode {
  const base = { certifiedByThl: false, active: true, broken: false, trainers: 0, brokenLinks: 0 };
  // Indexed once: a national tree has tens of thousands of nodes.
  const children = groupBy(rows, (r) => `${r.code}:${r.parent_key}`);
  const byCounty = groupBy(rows, (r) => r.code);

  const personNode = (row: NodeRow, levels: number): CascadeNode => {
    const trainees = children.get(`${row.code}:${row.node_key}`) ?? [];
    return {
      ...base,
      id: `${row.code}:${row.node_key}`,
      kind: row.kind as CascadeNodeKind,
      label: names.get(row.node_key) ?? null,
      certifiedByThl: row.certified_by_thl,
      active: row.active,
      broken: row.broken,
      keyWorkers: row.key_workers,
      activeKeyWorkers: row.active_key_workers,
      addressingParticipants: row.addressing_participants,
      depth: trainees.length ? 1 : 0,
      branching: trainees.length,
      children: levels > 0 ? trainees.map((t) => personNode(t, levels - 1)) : [],
    };
  };

  const countyNode = (county: { code: string; name: string }, levels: number): CascadeNode => {
    const own = byCounty.get(county.code) ?? [];
    const trainers = own.filter((r) => r.kind === 'TRAINER');
    const keyWorkers = new Map(own.filter((r) => r.kind === 'KEY_WORKER').map((r) => [r.node_key, r]));
    return {
      ...base,
      id: `county:${county.code}`,
      kind: CascadeNodeKind.COUNTY,
      label: county.name,
      trainers: trainers.length,
      keyWorkers: keyWorkers.size,
      activeKeyWorkers: [...keyWorkers.values()].filter((k) => k.active).length,
      addressingParticipants: countyReach(trainers, [...keyWorkers.values()], (t) => children.get(`${t.code}:${t.node_key}`) ?? []),
      brokenLinks: trainers.filter((t) => t.broken).length,
      depth: trainers.length ? (keyWorkers.size ? 2 : 1) : 0,
      branching: trainers.length,
      children: levels > 0 ? trainers.map((t) => personNode(t, levels - 1)) : [],
    };
  };

  if (rootId === 'THL') {
    const all = counties.map((c) => countyNode(c, depth - 1));
    const sum = (key: 'trainers' | 'keyWorkers' | 'activeKeyWorkers' | 'addressingParticipants' | 'brokenLinks') => all.reduce((s, c) => s + c[key], 0);
    return {
      ...base,
      id: 'THL',
      kind: CascadeNodeKind.THL,
      label: 'THL',
      trainers: sum('trainers'),
      keyWorkers: sum('keyWorkers'),
      activeKeyWorkers: sum('activeKeyWorkers'),
      addressingParticipants: sum('addressingParticipants'),
      brokenLinks: sum('brokenLinks'),
      depth: 1 + Math.max(0, ...all.map((c) => c.depth)),
      branching: all.filter((c) => c.trainers > 0).length,
      children: depth > 0 ? all : [],
    };
  }
  const county = counties.find((c) => `county:${c.code}` === rootId);
  if (county) return countyNode(county, depth);
  const row = rows.find((r) => `${r.code}:${r.node_key}` === rootId);
  if (!row) throw new NotFoundError('Cascade node');
  return personNode(row, depth);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
