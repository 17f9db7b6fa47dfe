// The part of autocannon's API the load test uses (the package ships no types).
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    timeout?: number;
    requests?: Record<string, unknown>[];
    setupClient?: (client: { setRequests(requests: unknown[]): void }) => void;
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: { total: number; average: number };
    latency: { p50: number; p99: number };
  }
  function autocannon(options: Options): Promise<Result> & { stop(): void };
  export default autocannon;
}
