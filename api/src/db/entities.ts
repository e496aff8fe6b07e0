/** Every entity MikroORM manages: the manifest's (domains.ts). */
export { entities } from '../domains';
