/** A GraphQL response as it came over HTTP. */
export interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
  readonly extensions?: Record<string, unknown>;
}

/** Thrown when a response carries errors or no data, with the server's codes and messages. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly codes: readonly string[],
  ) {
    super(message);
  }
}

/** POSTs one operation over real HTTP and returns its data, or throws what the server said. */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data: T; extensions: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || body.data == null) {
    const codes = (body.errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN'));
    const messages = (body.errors ?? []).map((error) => error.message).join('; ');
    throw new GraphQLRequestError(`HTTP ${response.status}: ${messages || 'no data'}`, codes);
  }
  return { data: body.data, extensions: body.extensions ?? {} };
}
