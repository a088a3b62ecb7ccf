import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signGatewayContext, type RequestContext } from '@redress/graphql-kit';

/** Forwards the authenticated caller to a subgraph, signed so the subgraph can trust it. */
export class SignedDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RequestContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    const context = options.context as Partial<RequestContext>;
    // Gateway-internal requests (none with a supergraph file, but be strict) carry no caller: send no proof.
    if (!context.caller || !context.requestId) return;
    for (const [name, value] of Object.entries(signGatewayContext(this.secret, { caller: context.caller, requestId: context.requestId }, this.subgraph))) {
      headers.set(name, value);
    }
    headers.set('x-request-id', context.requestId);
  }
}
