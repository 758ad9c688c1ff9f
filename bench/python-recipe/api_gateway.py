import os
import time
import json
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route('/api/data')
def get_data():
    auth_url = os.getenv('AUTH_SERVICE_URL', 'http://localhost:8082')
    auth_start = time.time()
    try:
        auth_response = requests.get(f"{auth_url}/auth/verify", timeout=3)
        auth_success = auth_response.status_code == 200
    except Exception:
        auth_success = False
    auth_duration = time.time() - auth_start

    if not auth_success:
        return jsonify({"error": "Authentication failed"}), 401

    data_url = os.getenv('DATA_SERVICE_URL', 'http://localhost:8083')
    data_start = time.time()
    try:
        data_response = requests.get(f"{data_url}/data/fetch", timeout=5)
        data_result = data_response.json()
        len(json.dumps(data_result))
    except Exception as e:
        data_result = {"error": str(e)}
    data_duration = time.time() - data_start

    return jsonify({
        "service": "api-gateway",
        "data": data_result,
        "auth_duration_ms": auth_duration * 1000,
        "data_duration_ms": data_duration * 1000
    })


@app.route('/health')
def health_check():
    return jsonify({"status": "healthy", "service": "api-gateway"})


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.getenv('PORT', '8081')))
