import type { ChannelProvider, SendReceipt } from './channel-provider';

/** In-app notices are delivered by being in the borrower's inbox, read through the graph. */
export class InAppProvider implements ChannelProvider {
  async send(): Promise<SendReceipt> {
    return { delivered: true, providerMessageId: null };
  }
}
