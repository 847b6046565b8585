// Jest runs each test file in its own VM context, whose typed-array constructors differ from
// the ones native addons (onnxruntime-node) create. onnxruntime-common checks tensor data with
// `instanceof Float32Array`, so a tensor built in one realm fails the check in the other
// ("A float32 tensor's data must be type of function Float32Array()"). Sharing the host
// realm's typed arrays with the sandbox makes both sides agree.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class SharedTypedArrayEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = SharedTypedArrayEnvironment;
