import { readServerSentEvents } from '../../web/read-server-sent-events.js'

/** One Server-Sent Event as a client sees it. */
export interface ReceivedEvent {
  event: string
  data: string
}

/** Reads a whole event stream with the chat UI's own parser, as the browser client does. */
export async function collectEvents(response: Response): Promise<ReceivedEvent[]> {
  if (!response.body) throw new Error('the response has no body')
  const events: ReceivedEvent[] = []
  for await (const event of readServerSentEvents(response.body)) events.push(event)
  return events
}
