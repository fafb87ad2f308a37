import { InputHTMLAttributes, ReactNode, RefObject, useEffect, useId, useMemo, useRef } from 'react';
import { ApiError } from '../../api/graphql';
import { useQuery } from '../../api/hooks';
import { Paged } from '../../api/paging';
import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { Option, useFieldProblem } from '../../ui/field';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import { Municipality, MUNICIPALITIES } from './queries';
import './registry.css';

/** County admins and coordinators change the registry; trainers only read it (the API decides anyway). */
export function useManages(): boolean {
  const { role } = useMe();
  return role === 'COUNTY_ADMIN' || role === 'COUNTY_COORDINATOR';
}

/** The county's municipalities: select options and code → name (the API names them in Finnish only). */
export function useMunicipalities() {
  const { countyCode } = useMe();
  const { data } = useQuery<{ municipalities: Municipality[] }>(MUNICIPALITIES, { countyCode });
  return useMemo(() => {
    const list = [...(data?.municipalities ?? [])].sort((a, b) => a.nameFi.localeCompare(b.nameFi, 'fi'));
    const names = new Map(list.map((m) => [m.code, m.nameFi]));
    return {
      options: list.map((m): Option => ({ value: m.code, label: m.nameFi })),
      nameOf: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : null),
    };
  }, [data]);
}

/** A checkbox with its label beside it, a hint, and the API's problem for its field. */
export function CheckField({ label, name, error, hint, ...input }: { label: string; name: string; error?: unknown; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const problem = useFieldProblem(error, name);
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <span className="check">
        <input id={id} type="checkbox" name={name} aria-invalid={problem ? true : undefined} aria-describedby={described} {...input} />
        <label htmlFor={id}>{label}</label>
      </span>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="field-error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </div>
  );
}

/** A problem found before asking the API, shaped like the API's so the field shows it the same way. */
export function localProblem(field: string, message: string): ApiError {
  return new ApiError(message, 'BAD_USER_INPUT', [{ field: `input.${field}`, message }]);
}

/** After a refusal, take the user to the first field to fix (the general message is announced as an alert). */
export function useFocusFirstProblem(error: unknown): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  return form;
}

function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT' && error.fields.some((f) => f.field.endsWith('version'));
}

/**
 * Why a save failed. A stale `version` gets its own message and a reload: the user must see the other
 * change before deciding again, so we never resend their edit over it.
 */
export function SaveError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!isStaleVersion(error)) return <ErrorMessage error={error} />;
  return (
    <div className="error" role="alert">
      <p>{t.registry.versionConflict}</p>
      <button type="button" onClick={onReload}>
        {t.registry.reloadLatest}
      </button>
    </div>
  );
}

/** "Saved", announced politely; it takes focus, as the form whose button had it is gone. */
export function SavedNotice() {
  const { t } = useI18n();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <p ref={notice} className="success" role="status" tabIndex={-1}>
      {t.common.state.saved}
    </p>
  );
}

/** How many of how many are shown, and a button for the next page; focus stays in the list's area. */
export function ShowMore({ shown, total, hasNextPage, loading, onMore }: { shown: number; total: number; hasNextPage: boolean; loading: boolean; onMore: () => void }) {
  const { t, format } = useI18n();
  const count = useRef<HTMLParagraphElement>(null);
  const wasLoading = useRef(false);
  // When the last page arrives the button disappears: keep keyboard focus from falling to the page top.
  useEffect(() => {
    if (wasLoading.current && !loading && !hasNextPage) count.current?.focus();
    wasLoading.current = loading;
  }, [loading, hasNextPage]);
  return (
    <div className="show-more">
      <p ref={count} tabIndex={-1} role="status">
        {t.registry.showing(format.number(shown), format.number(total))}
      </p>
      {hasNextPage && (
        <button type="button" onClick={onMore} disabled={loading}>
          {loading ? t.common.state.loading : t.common.action.showMore}
        </button>
      )}
    </div>
  );
}

/** Label–value pairs of a record in the registry's columns; a missing value says so. */
export function DetailList({ items }: { items: Array<[string, ReactNode]> }) {
  const { t } = useI18n();
  return <Facts className="details" items={items.map(([label, value]) => [label, value === null || value === undefined || value === '' ? t.common.state.none : value])} />;
}

/** The fields a record still lacks, as badges with their names (never colour alone). */
export function MissingFields({ fields }: { fields: string[] }) {
  const { t } = useI18n();
  if (fields.length === 0) return <span className="badge ok">{t.registry.complete}</span>;
  return (
    <ul className="badges">
      {fields.map((f) => (
        <li key={f} className="badge warn">
          {t.registry.field[f as keyof typeof t.registry.field] ?? f}
        </li>
      ))}
    </ul>
  );
}

/** Empty text inputs mean "no value": the API stores null rather than an empty string. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Loading, error, empty or the list with its "Show more": the frame every paged list here shares. */
export function PagedList<T>({ state, empty, children }: { state: Paged<T>; empty: string; children: (nodes: T[]) => ReactNode }) {
  if (state.loading && state.nodes.length === 0) return <Loading />;
  if (state.error !== undefined && state.nodes.length === 0) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.nodes.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {state.loading && <Loading />}
      {children(state.nodes)}
      {state.error !== undefined && <ErrorMessage error={state.error} onRetry={state.loadMore} />}
      <ShowMore shown={state.nodes.length} total={state.totalCount} hasNextPage={state.hasNextPage} loading={state.loadingMore} onMore={state.loadMore} />
    </>
  );
}
