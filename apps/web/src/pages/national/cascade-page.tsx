import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Messages } from '../../i18n/messages';
import { Route } from '../../routing';
import { Figure, Page, Section } from '../../ui/page';
import { ErrorMessage, Loaded } from '../../ui/status';
import { useCountyNames } from './county-names';
import { Cascade, TreeNode, useCascade } from './use-cascade';
import './national.css';

/**
 * The training cascade as an explorable tree: THL → counties → trainers → key workers (for county
 * roles, their own county at the root). Levels open with buttons and are fetched when first opened.
 */
export function CascadePage(_props: { route: Route }) {
  const { t } = useI18n();
  const cascade = useCascade();
  const { nameOf } = useCountyNames();
  const c = t.national.cascade;
  return (
    <Page title={t.common.nav.cascade}>
      <p>{c.intro}</p>
      <p className="hint">
        {c.names} {c.brokenExplained}
      </p>
      <Loaded state={cascade.initial}>
        {(data) => (
          <>
            <RootFigures root={data.cascade} />
            <Section title={c.tree} id="cascade-tree">
              <ul className="cascade-tree">
                {cascade.rootId && <CascadeItem id={cascade.rootId} position={1} tree={{ cascade, nameOf }} initiallyOpen />}
              </ul>
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function RootFigures({ root }: { root: Pick<TreeNode, 'trainers' | 'keyWorkers' | 'activeKeyWorkers' | 'addressingParticipants' | 'brokenLinks'> }) {
  const { t, format } = useI18n();
  const c = t.national.cascade;
  return (
    <div className="figures">
      <Figure label={c.trainers} value={format.number(root.trainers)} />
      <Figure label={c.keyWorkers} value={format.number(root.keyWorkers)} />
      <Figure label={c.activeKeyWorkers} value={format.number(root.activeKeyWorkers)} />
      <Figure label={c.addressingParticipants} value={format.number(root.addressingParticipants)} />
      <Figure label={c.brokenLinks} value={format.number(root.brokenLinks)} />
    </div>
  );
}

/** What every node of the tree reads: the fetched nodes and the county names (fetched once for the whole tree). */
interface Tree {
  cascade: Cascade;
  nameOf: ReturnType<typeof useCountyNames>['nameOf'];
}

/** One node: a toggle button (when something lies below) with its name, marks and counts, then its children. */
function CascadeItem({ id, position, tree, initiallyOpen = false }: { id: string; position: number; tree: Tree; initiallyOpen?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  const listId = useId();
  const { cascade } = tree;
  const node = cascade.nodes.get(id);
  if (!node) return null;
  const c = t.national.cascade;
  const label = nodeLabel(node, position, tree.nameOf, t);
  const leaf = node.childIds !== null && node.childIds.length === 0;
  const loading = cascade.loading.has(id);
  const toggle = () => {
    if (!open && node.childIds === null && !loading) void cascade.load(node);
    setOpen(!open);
  };

  return (
    <li className="cascade-item">
      <div className="cascade-head">
        {leaf ? (
          <span className="cascade-leaf">{label.text}</span>
        ) : (
          <button type="button" aria-expanded={open} aria-controls={open && node.childIds ? listId : undefined} onClick={toggle}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            {label.text}
          </button>
        )}
        {label.named && (node.kind === 'TRAINER' || node.kind === 'KEY_WORKER') && <span className="badge">{c.kind[node.kind]}</span>}
        {node.broken && <span className="badge bad broken">{c.broken}</span>}
        {node.certifiedByThl && <span className="badge ok">{c.certifiedByThl}</span>}
        {!node.active && <span className="badge warn">{c.inactive}</span>}
      </div>
      <NodeCounts node={node} />
      {open && node.childIds && (
        <ul id={listId}>
          {node.childIds.map((childId, i) => (
            <CascadeItem key={childId} id={childId} position={i + 1} tree={tree} />
          ))}
        </ul>
      )}
      {open && loading && (
        <p className="status" role="status">
          {c.loadingBelow}
        </p>
      )}
      {open && !loading && cascade.errors[id] !== undefined && <ErrorMessage error={cascade.errors[id]} onRetry={() => void cascade.load(node)} />}
    </li>
  );
}

/** The node's name: the county in the user's language; people only in the viewer's own county, elsewhere numbered. */
function nodeLabel(node: TreeNode, position: number, nameOf: Tree['nameOf'], t: Messages): { text: string; named: boolean } {
  if (node.kind === 'THL') return { text: node.label ?? 'THL', named: true };
  if (node.kind === 'COUNTY') return { text: nameOf(node.id.replace(/^county:/, ''), node.label ?? node.id), named: true };
  if (node.label) return { text: node.label, named: true };
  return { text: t.national.cascade.numbered(t.national.cascade.kind[node.kind], position), named: false };
}

function NodeCounts({ node }: { node: TreeNode }) {
  const { t, format } = useI18n();
  const c = t.national.cascade;
  const counts: [string, number][] =
    node.kind === 'KEY_WORKER'
      ? [[c.addressingParticipants, node.addressingParticipants]]
      : [
          ...(node.kind === 'TRAINER' ? [] : [[c.trainers, node.trainers] as [string, number]]),
          [c.keyWorkers, node.keyWorkers],
          [c.activeKeyWorkers, node.activeKeyWorkers],
          [c.addressingParticipants, node.addressingParticipants],
          ...(node.kind === 'TRAINER' ? [] : [[c.brokenLinks, node.brokenLinks] as [string, number]]),
        ];
  return (
    <dl className="cascade-counts">
      {counts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
