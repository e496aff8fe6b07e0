import { proxyToApi } from '@/server/api-proxy';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => proxyToApi(request, '/graphql');
export const POST = (request: Request) => proxyToApi(request, '/graphql');
