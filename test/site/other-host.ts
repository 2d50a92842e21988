// "Another host" for the lockdown checks (issue 11, item 5): a server on another loopback address (127.0.0.2,
// its own port) that answers everything (a CSV, with CORS allowed) so that only the site can stop a request,
// and counts every request it gets. Used by lockdown.test.ts (the explorer) and upload.test.ts (the upload
// page's DuckDB, on the page that test already started).
import {createServer} from "node:http";

export interface OtherHost {
  url: string;
  /** every request it got, as `METHOD /path` */
  hits: string[];
  close: () => Promise<void>;
}

export async function otherHost(): Promise<OtherHost> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, {"content-type": "text/csv", "access-control-allow-origin": "*"}).end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
  return {
    url: `http://127.0.0.2:${(server.address() as {port: number}).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
