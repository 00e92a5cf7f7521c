const fs=require('fs');const dir=process.argv[2];const f=fs.readdirSync(dir).map(x=>dir+'/'+x).sort((a,b)=>fs.statSync(b).size-fs.statSync(a).size)[0];
const p=JSON.parse(fs.readFileSync(f,'utf8'));const lines=new Map();
for(const n of p.nodes){if(!n.callFrame.url.endsWith(process.argv[3]))continue;if(process.argv[4]!==undefined&&n.callFrame.functionName!==process.argv[4])continue;for(const t of n.positionTicks||[]){lines.set(t.line,(lines.get(t.line)||0)+t.ticks);}}
[...lines].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([l,t])=>console.log(String(l).padStart(5),t));
