import type { MatrixMessages } from '../../types.js';

export const matrix: MatrixMessages = {};
