export { ExportsScreen } from './exports-screen';
