// The SMTP sink of the mail benchmark, in its own process so that parsing
// the received mail does not share the worker's event loop (as a real mail
// server would not). Reports its port, then answers count requests over IPC.
import { SmtpSink } from '../../apps/api/src/testing/smtp-sink';

const sink = new SmtpSink('headers');

void sink.start().then(() => process.send?.({ type: 'ready', port: sink.port }));

process.on('message', (message: { type: string }) => {
  if (message.type === 'count') {
    process.send?.({
      type: 'count',
      received: sink.received.length,
      unique: sink.countsByMessageId().size,
      connections: sink.connections,
    });
  } else if (message.type === 'stop') {
    void sink.stop().then(() => process.exit(0));
  }
});
