// The predecessor's client example, unchanged below the require line its
// websocket_client_example.js started with. It connects to localhost:5001.
const io = require('socket.io-client');

const socket = io('http://localhost:5001');

socket.on('connect', () => {
    socket.emit('subscribe', { pairs: ['EUR_USD', 'GBP_USD'] });
});

socket.on('price_update', (data) => {
    console.log(`${data.instrument}: ${data.price.mid}`);
});

socket.on('volatility_alert', (data) => {
    console.warn(`Volatility alert: ${data.instrument}`);
});
