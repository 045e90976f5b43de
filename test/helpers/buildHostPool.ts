/**
 * A pool of build hosts (buildHost.ts) for a whole test run, reachable from every test worker
 * over HTTP on 127.0.0.1: `POST /build` with `{ root, env }` answers `{ code, stdout, stderr }`
 * once a host has built it. As many hosts as the machine has cores build at once; other requests
 * wait their turn. A host that dies answers its build with what it printed, and is replaced.
 */
import type { ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { compileBuildHost, forkBuildHost, type CompiledBuildHost } from "./forkBuildHost.ts";

export interface HostBuildRequest {
  root: string;
  env: Record<string, string>;
}

export interface HostBuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Host {
  child: ChildProcess;
  /** What the host printed outside a build's capture (Node's own warnings, a crash). */
  stderr: string[];
  busy: boolean;
}

interface Waiting {
  request: HostBuildRequest;
  answer: (result: HostBuildResult) => void;
}

export interface BuildHostPool {
  url: string;
  close(): Promise<void>;
}

function startHost(compiled: CompiledBuildHost): Host {
  const child = forkBuildHost(compiled, ["ignore", "pipe", "pipe", "ipc"]);
  const host: Host = { child, stderr: [], busy: false };
  child.stdout?.on("data", (chunk: Buffer) => host.stderr.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => host.stderr.push(chunk.toString()));
  return host;
}

async function readJson(request: IncomingMessage): Promise<HostBuildRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as HostBuildRequest;
}

export async function startBuildHostPool(size = Math.max(1, os.availableParallelism())): Promise<BuildHostPool> {
  const compiled = await compileBuildHost();
  const hosts: Host[] = [];
  const waiting: Waiting[] = [];
  let closing = false;
  const replace = (dead: Host) => {
    if (closing) return;
    const host = startHost(compiled);
    host.child.on("close", () => replace(host));
    hosts[hosts.indexOf(dead)] = host;
  };
  for (let i = 0; i < size; i++) {
    const host = startHost(compiled);
    host.child.on("close", () => replace(host));
    hosts.push(host);
  }

  const dispatch = () => {
    for (const host of hosts) {
      if (host.busy || waiting.length === 0) continue;
      const next = waiting.shift()!;
      host.busy = true;
      host.stderr.length = 0;
      const done = (result: HostBuildResult) => {
        host.child.off("message", onMessage);
        host.child.off("close", onExit);
        host.busy = false;
        next.answer(result);
        dispatch();
      };
      const onMessage = (message: HostBuildResult) => {
        const uncaptured = host.stderr.join("");
        done({ ...message, stderr: message.stderr + uncaptured });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        // The host died mid-build (e.g. an unhandled rejection): answer as a crashed `npm run build`.
        done({ code: code ?? 1, stdout: "", stderr: host.stderr.join("") + (signal ? `\n(killed by ${signal})` : "") });
      };
      host.child.on("message", onMessage);
      // "close", not "exit": by then everything it printed has been read.
      host.child.on("close", onExit);
      host.child.send(next.request);
    }
  };

  const server = createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== "/build" || closing) {
      response.writeHead(404).end();
      return;
    }
    const body = await readJson(request);
    const result = await new Promise<HostBuildResult>((answer) => {
      waiting.push({ request: body, answer });
      dispatch();
    });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  });
  // Builds take seconds; a queued one may wait for several.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/build`,
    async close() {
      closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const host of hosts) host.child.kill();
    },
  };
}
