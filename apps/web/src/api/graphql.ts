/** A problem with one input field, as the API names it (`input.email`, `county`). */
export interface FieldProblem {
  field: string;
  message: string;
  /** The general rule that failed (`isEmail`, `maxLength`, …), when it is one. */
  rule?: string;
}

/** An answer the API refused, with its code (BAD_USER_INPUT, CONFLICT, …) and the fields at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the API says the token is no longer good: the app returns to sign-in. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

let currentToken: string | null = null;
export function setToken(token: string | null): void {
  currentToken = token;
}
export function authorization(): Record<string, string> {
  return currentToken ? { authorization: `Bearer ${currentToken}` } : {};
}

/** Posts one operation to the API of this origin; resolves with `data` or throws an ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; fields?: FieldProblem[] } }> } | null;
  const error = body?.errors?.[0];
  if (error || !body?.data) {
    const code = error?.extensions?.code ?? (response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR');
    if (code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener());
    throw new ApiError(error?.message ?? `HTTP ${response.status}`, code, error?.extensions?.fields ?? []);
  }
  return body.data;
}

/** The problem the API reported for one field; `name` matches `input.name` and `input.items.0.name` alike. */
export function problemFor(error: unknown, name: string): FieldProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.field === name || f.field.endsWith(`.${name}`));
}
