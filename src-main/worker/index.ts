/**
 * The generation worker entry. It is forked by the worker host (utilityProcess in Electron,
 * child_process in Node), never opens the database, and talks to the main process only
 * through the messages of `src-shared/contracts/worker-protocol.ts`.
 */
import { startWorker } from './run-worker'
import { openWorkerPort } from './worker-port'

startWorker({ port: openWorkerPort() })
