const fs=require('fs');const dir=process.argv[2];const f=fs.readdirSync(dir).map(x=>dir+'/'+x).sort((a,b)=>fs.statSync(b).size-fs.statSync(a).size)[0];
const p=JSON.parse(fs.readFileSync(f,'utf8'));const byId=new Map(p.nodes.map(n=>[n.id,n]));
const dt=p.timeDeltas;const counts=new Map();for(let i=0;i<p.samples.length;i++){counts.set(p.samples[i],(counts.get(p.samples[i])||0)+(dt[i]||0));}
const self=new Map();let total=0;for(const [id,t] of counts){const n=byId.get(id);const u=n.callFrame.url;if(n.callFrame.functionName==='(idle)')continue;total+=t;const k=n.callFrame.functionName+' '+u.split('/').slice(-1)[0];self.set(k,(self.get(k)||0)+t);}
console.log(dir,'total',(total/1000).toFixed(0));[...self].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[3]||25).forEach(([k,t])=>console.log('  ',(t/1000).toFixed(0).padStart(6),k.slice(0,100)));
