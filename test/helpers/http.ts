/** A small JSON client for the API under test. */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

export function apiClient(baseUrl: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<JsonResponse<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* an HTML page */ }
    return { status: res.status, body: parsed as T };
  };
  return {
    call,
    async login(username: string, password = 'gongqing2026'): Promise<string> {
      const r = await call<{ token: string }>('POST', '/api/v1/sessions', { username, password });
      if (r.status !== 201) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
  };
}

export function validIntake(overrides: Record<string, unknown> = {}) {
  return {
    complainantName: '王小明', complainantPhone: '13912345678', enterpriseId: 'e-jingmi', category: 'unpaid_wages',
    description: '公司拖欠2025年年终奖，多次催要未果。', claimedFen: 860_000, workerCount: 1, ...overrides,
  };
}
