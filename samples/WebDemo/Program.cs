// Face emotions over HTTP: an upload page (GET /, POST /) and a JSON endpoint (POST /api/faces).
//   dotnet run -c Release --project samples/WebDemo            then open http://localhost:5000
//   dotnet run -c Release --project samples/WebDemo -- --model ferplus     (FER+'s eight emotions, with contempt)
//   curl -F photo=@group.jpg http://localhost:5000/api/faces
using Fer.WebDemo;

var app = WebDemoApp.Create(args);
app.Run();
