import { useMemo } from 'react';
import { Option } from '../ui/field';
import { useAll } from './paging';

const UNITS = `query UnitOptions($first: Int!, $after: String) { units(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name organisationId } } }`;
const ORGANISATIONS = `query OrganisationOptions($first: Int!, $after: String) {
  organisations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } }
}`;

/** Every unit of the county, labelled "Unit – Organisation" and sorted, for choosing a person's unit. */
export function useUnitOptions(): Option[] | undefined {
  const units = useAll<{ id: string; name: string; organisationId: string }>(UNITS, 'units');
  const organisations = useAll<{ id: string; name: string }>(ORGANISATIONS, 'organisations');
  return useMemo(() => {
    if (!units.nodes || !organisations.nodes) return undefined;
    const names = new Map(organisations.nodes.map((o) => [o.id, o.name]));
    return units.nodes
      .map((u): Option => ({ value: u.id, label: `${u.name} – ${names.get(u.organisationId) ?? ''}` }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fi'));
  }, [units.nodes, organisations.nodes]);
}
