import { describe, expect, it } from 'vitest'
import { soakCycle } from '../../helpers/soak'
import { makeTempDir } from '../../helpers/store'

describe('kill -9 soak, short (issue 11 reliability target; 200 cycles in `npm run bench -- soak`)', () => {
  it('10 SIGKILLs during scan bursts and imports: no acknowledged scan lost, imports all or nothing, integrity ok', async () => {
    const dataDir = makeTempDir('dockside-soak-')
    let acked = 0
    let imports = 0
    for (let cycle = 0; cycle < 10; cycle++) {
      const r = await soakCycle(dataDir, cycle, 30 + ((cycle * 37) % 60), (cycle * 13) % 50)
      expect(r.lost, `cycle ${cycle}`).toEqual([])
      expect(r.partialImports, `cycle ${cycle}`).toEqual([])
      expect(r.integrity, `cycle ${cycle}`).toBe('ok')
      acked += r.acked
      imports += r.importsAcked
    }
    expect(acked).toBeGreaterThan(300)
    expect(imports).toBeGreaterThan(0)
  }, 600_000)
})
