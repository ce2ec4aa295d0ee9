import { describe, expect, it } from 'vitest'
import { soakServeCycle } from '../../helpers/serve-soak'
import { makeTempDir } from '../../helpers/store'

describe('kill -9 soak through `dockside serve` (issue 11; 200 cycles in `npm run bench -- soak-serve`)', () => {
  it('5 SIGKILLs of the served station during scan bursts and uploaded imports: no acknowledged scan lost, imports all or nothing, integrity ok', async () => {
    const dataDir = makeTempDir('dockside-serve-soak-')
    let acked = 0
    let imports = 0
    for (let cycle = 0; cycle < 5; cycle++) {
      const r = await soakServeCycle(dataDir, cycle, 30 + ((cycle * 37) % 60), (cycle * 53) % 400)
      expect(r.lost, `cycle ${cycle}`).toEqual([])
      expect(r.partialImports, `cycle ${cycle}`).toEqual([])
      expect(r.integrity, `cycle ${cycle}`).toBe('ok')
      acked += r.acked
      imports += r.importsAcked
    }
    expect(acked).toBeGreaterThan(150)
    expect(imports).toBeGreaterThan(0)
  }, 900_000)
})
