// Structured JSON logs (pino), one child logger per request carrying its request id.
import pino, { type DestinationStream, type Logger } from 'pino';

/** The process logger. `destination` lets tests capture lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'plan-tracker-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never log credentials, even by accident.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    destination,
  );
}
