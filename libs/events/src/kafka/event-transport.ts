/** What the relay and the dead-letter path need from a broker; kafkajs stays behind it. */
export interface OutgoingMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface TopicBatch {
  topic: string;
  messages: OutgoingMessage[];
}

export interface EventProducer {
  connect(): Promise<void>;
  /** Resolves once every message is acknowledged by the broker; rejects if any is not. */
  send(batches: TopicBatch[]): Promise<void>;
  disconnect(): Promise<void>;
}
