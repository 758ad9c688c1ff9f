import os
import time
import random
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route('/')
def frontend_handler():
    start_time = time.time()
    result = 0
    for i in range(100000):
        result += i * random.random()

    api_url = os.getenv('API_SERVICE_URL', 'http://localhost:8081')
    try:
        response = requests.get(f"{api_url}/api/data", timeout=5)
        api_data = response.json()
    except Exception as e:
        api_data = {"error": str(e)}

    processing_time = time.time() - start_time
    return jsonify({
        "service": "frontend",
        "processing_time_ms": processing_time * 1000,
        "computation_result": result,
        "api_response": api_data
    })


@app.route('/health')
def health_check():
    return jsonify({"status": "healthy", "service": "frontend"})


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.getenv('PORT', '8080')))
