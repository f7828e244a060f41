import { access } from 'node:fs/promises'

// Where Debian puts it; nginx is often not on a non-root user's PATH.
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/usr/local/nginx/sbin/nginx']

/** The nginx executable: the one given, else the first of the usual install paths; a clear error when it is not installed. */
export async function findNginx(explicit?: string): Promise<string> {
  for (const candidate of explicit ? [explicit] : NGINX_CANDIDATES) {
    if (await access(candidate).then(() => true, () => false)) return candidate
  }
  throw new Error(explicit ? `no nginx at ${explicit}` : 'nginx is not installed (Debian: apt-get install -y nginx)')
}
